"""Client documents as PDF: one shared layout for every document the studio hands out (no Qt here).

Build a PDF like this (all text arguments are PLAIN text: escaped, any script, newlines kept)::

    from smp_desktop.core.documents.layout import Letterhead, PdfDocument
    from smp_desktop.core.documents.files import safe_file_name

    letterhead = Letterhead.from_studio(services.studio, paths.root)   # name, address, phone, e-mail, website,
                                                                      # logo (setting letterhead_logo), paper_size
    doc = PdfDocument(letterhead, title="Removal plan", subject="Removal plan for Zoë Łukasiewicz",
                      keywords=("removal",))            # author defaults to the studio; footer to its contact
    doc.document_title("Removal plan", subtitle="Zoë Łukasiewicz")   # bookmarked (outline level 0)
    doc.heading("Assessment")                            # level 1, bookmarked; doc.heading("…", level=2)
    doc.facts([("Client", client_name), ("Method", "Q-switched laser")])   # label / value columns
    doc.paragraph(note_text)                             # plain text; styles: body, small, warning, caption, …
    doc.rich("Call us on <b>{phone}</b>.", phone=studio_phone)   # app-written markup, plain values in {slots}
    doc.bullets(["Keep the area dry", "No sun"])
    doc.table(["Date", "Wavelength"], [["12 May 2026", "1064 nm"]], col_widths_mm=[40, 40])
    doc.image(jpeg_bytes, width_mm=80, max_height_mm=60, caption="Front hairline, 12 May 2026")
    doc.add(any_reportlab_flowable)                      # e.g. a Drawing; put text in it with
                                                         # layout.paragraph_flowable(text, doc.styles["body"])
    doc.spacer(4); doc.rule(); doc.page_break(); doc.keep_together(2)
    pdf: bytes = doc.build()                             # or doc.save(path): atomic write
    name = safe_file_name(client_name, "Removal plan", on=date.today())
    # -> "Zoë-Łukasiewicz - Removal-plan - 2026-05-12.pdf"

Modules:
- `layout.py`: `Letterhead`, `PdfDocument`, `paragraph_flowable(text, style)`, `hanging(label, [flowables])` (a
  label column beside flowables: lighter than a Table), `rule_flowable(doc)`, `page_size(paper)`, `MM`,
  `LOGO_SETTING` ("letterhead_logo": a file path relative to the data folder), colours INK / MUTED / ACCENT.
  Every page: letterhead (first page) or a one-line header, a footer and "Page N of M"; PDF metadata (title,
  author, subject, keywords) and an outline entry per heading.
- Plain text always goes through `layout.paragraph_flowable(text, style)` (or the PdfDocument methods): Arabic or
  Hebrew text is broken into lines in reading order, then each line shaped and reordered, right-aligned when the
  text starts right-to-left. Draw text on a canvas yourself only through a paragraph_flowable's drawOn.
- `text.py`: `plain_markup(text)` (the one function that turns user text into safe paragraph markup), `escape`,
  `fill(markup_template, values)`, `plain_template_markup(untrusted_template, values)`.
- `fonts.py`: embedded TrueType fonts from resources/fonts (DejaVu Sans; fallbacks Droid Sans Fallback for
  Chinese/Japanese and Nanum Gothic for Korean, read only when needed), per-character font runs, Arabic shaping
  and bidi (`visual_text`), `configure_reportlab()` (no ASCII85, compact subsets).
- `files.py`: `safe_file_name(client_name, kind, on=None, extension="pdf")`, `write_pdf(path, bytes)` (atomic).
- `aftercare.py`: the aftercare sheet from plain records and the template in resources/aftercare.

reportlab is imported inside functions only, so importing any module here does not load it; the app's start-up
never pays for it (tests/test_architecture.py).
"""
