"""What pages say beyond their Markdown: the `[[...]]` markers and what they render (statistics,
the quiz, the job-offer check, the schools' handouts and QR codes, phone numbers, interface strings)."""
