/*
 * "Is this job offer safe?" — progressive enhancement of the plain list rendered at
 * build time (scripts/content/templates/job-check.html.j2). Without JavaScript readers see
 * every question with its advice. With it, each question becomes a yes/no radio group;
 * advice shows only for a risky answer and a live region announces the outcome.
 * Nothing is stored or sent.
 */
(function () {
  "use strict";

  function radio(name, value, text) {
    var label = document.createElement("label");
    label.className = "job-check__option";
    var input = document.createElement("input");
    input.type = "radio";
    input.name = name;
    input.value = value;
    label.appendChild(input);
    label.appendChild(document.createTextNode(" " + text));
    return label;
  }

  function enhance(root, index) {
    var items = root.querySelectorAll(".job-check__item");
    var results = root.querySelectorAll(".job-check__result");
    var status = document.createElement("p");
    status.className = "job-check__status";
    status.setAttribute("role", "status");
    function showOutcome(outcome) {
      results.forEach(function (result) {
        result.hidden = result.dataset.outcome !== outcome;
      });
    }
    showOutcome(null);

    items.forEach(function (item) {
      var question = item.querySelector(".job-check__question");
      var advice = item.querySelector(".job-check__advice");
      var fieldset = document.createElement("fieldset");
      var legend = document.createElement("legend");
      legend.textContent = question.textContent;
      fieldset.appendChild(legend);
      var name = "job-check-" + index + "-" + item.dataset.question;
      fieldset.appendChild(radio(name, "yes", root.dataset.yes));
      fieldset.appendChild(radio(name, "no", root.dataset.no));
      question.replaceWith(fieldset);
      advice.querySelector("strong").remove();
      advice.hidden = true;
      advice.id = name + "-advice";
      fieldset.setAttribute("aria-describedby", advice.id);
    });

    root.addEventListener("change", function () {
      var answered = 0;
      var risky = 0;
      items.forEach(function (item) {
        var chosen = item.querySelector("input:checked");
        var advice = item.querySelector(".job-check__advice");
        var isRisky = !!chosen && chosen.value === item.dataset.risky;
        advice.hidden = !isRisky;
        if (chosen) answered += 1;
        if (isRisky) risky += 1;
      });
      if (answered < items.length) {
        status.textContent = root.dataset.warnings.replace("{risky}", risky).replace("{answered}", answered).replace("{total}", items.length);
        showOutcome(null);
        return;
      }
      showOutcome(risky ? "risky" : "safe");
      status.textContent = risky ? root.dataset.resultRisky : root.dataset.resultSafe;
    });
    root.querySelector(".job-check__list").after(status);
    root.classList.add("job-check--enhanced");
  }

  document.querySelectorAll("[data-job-check]").forEach(enhance);
})();
