/*
 * The pupils' quiz — progressive enhancement of the plain list rendered at build time
 * (scripts/content/templates/quiz.html.j2, questions from data/quiz/<locale>.yml). Without
 * JavaScript readers see each question with its options and the answer in a <details>
 * widget. With it, each question becomes a radio group (fieldset and legend); "Check my
 * answers" marks each question, shows the explanations and announces the result in a
 * live region. Nothing is stored or sent: no storage, no cookies, no requests.
 */
(function () {
  "use strict";

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : match;
    });
  }

  function button(text) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "md-button quiz__button";
    element.textContent = text;
    return element;
  }

  function radioGroup(item, number, prefix) {
    var fieldset = document.createElement("fieldset");
    fieldset.className = "quiz__group";
    var legend = document.createElement("legend");
    legend.className = "quiz__legend";
    // The list's own numbers do not line up with a legend: the number moves into it.
    legend.textContent = number + ". " + item.querySelector(".quiz__question").textContent;
    fieldset.appendChild(legend);
    item.querySelectorAll(".quiz__option").forEach(function (option) {
      var id = prefix + "-" + item.dataset.question + "-" + option.dataset.option;
      var wrapper = document.createElement("div");
      wrapper.className = "quiz__choice";
      var input = document.createElement("input");
      input.type = "radio";
      input.id = id;
      input.name = prefix + "-" + item.dataset.question;
      input.value = option.dataset.option;
      var label = document.createElement("label");
      label.htmlFor = id;
      label.textContent = option.textContent;
      wrapper.appendChild(input);
      wrapper.appendChild(label);
      fieldset.appendChild(wrapper);
    });
    return fieldset;
  }

  function enhance(root, index) {
    var prefix = "quiz" + index;
    var items = Array.prototype.slice.call(root.querySelectorAll(".quiz__item"));
    var status = document.createElement("p");
    status.className = "quiz__status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var check = button(root.dataset.check);
    var again = button(root.dataset.again);
    again.hidden = true;

    items.forEach(function (item, position) {
      var fieldset = radioGroup(item, position + 1, prefix);
      var explanation = item.querySelector(".quiz__explanation");
      // After checking, the explanation is shown as plain text under the group.
      var feedback = document.createElement("div");
      feedback.className = "quiz__feedback";
      feedback.id = prefix + "-" + item.dataset.question + "-feedback";
      feedback.hidden = true;
      var verdict = document.createElement("p");
      verdict.className = "quiz__verdict";
      feedback.appendChild(verdict);
      feedback.appendChild(explanation.querySelector("p").cloneNode(true));
      fieldset.appendChild(feedback);
      item.querySelector(".quiz__question").replaceWith(fieldset);
      item.querySelector(".quiz__options").remove();
      explanation.remove();
    });

    function answeredCount() {
      return items.filter(function (item) { return item.querySelector("input:checked"); }).length;
    }

    check.addEventListener("click", function () {
      var answered = answeredCount();
      if (answered < items.length) {
        status.textContent = fill(root.dataset.unanswered, { answered: answered, total: items.length });
        return;
      }
      var correct = 0;
      items.forEach(function (item) {
        var chosen = item.querySelector("input:checked");
        var right = chosen.value === item.dataset.answer;
        if (right) correct += 1;
        var feedback = item.querySelector(".quiz__feedback");
        feedback.querySelector(".quiz__verdict").textContent = right ? root.dataset.correct : root.dataset.wrong;
        feedback.hidden = false;
        // Described by the explanation only now: aria-describedby reads hidden text too.
        item.querySelector("fieldset").setAttribute("aria-describedby", feedback.id);
        item.classList.toggle("quiz__item--right", right);
        item.classList.toggle("quiz__item--wrong", !right);
      });
      status.textContent = fill(root.dataset.result, { correct: correct, total: items.length });
      again.hidden = false;
    });

    function clearMarks(item) {
      item.querySelector(".quiz__feedback").hidden = true;
      item.querySelector("fieldset").removeAttribute("aria-describedby");
      item.classList.remove("quiz__item--right", "quiz__item--wrong");
    }

    // A changed answer makes its mark and the announced result out of date.
    root.addEventListener("change", function (event) {
      var item = event.target.closest(".quiz__item");
      if (item && !item.querySelector(".quiz__feedback").hidden) {
        clearMarks(item);
        status.textContent = "";
      }
    });

    again.addEventListener("click", function () {
      items.forEach(function (item) {
        item.querySelectorAll("input").forEach(function (input) { input.checked = false; });
        clearMarks(item);
      });
      status.textContent = "";
      again.hidden = true;
      items[0].querySelector("input").focus();
    });

    var actions = document.createElement("div");
    actions.className = "quiz__actions";
    actions.appendChild(check);
    actions.appendChild(again);
    root.appendChild(actions);
    root.appendChild(status);
    root.classList.add("quiz--enhanced");
  }

  document.querySelectorAll("[data-quiz]").forEach(enhance);
})();
