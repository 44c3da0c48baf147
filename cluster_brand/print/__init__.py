"""The app's print formats; their layouts are cluster_brand/templates/print/ (escaping macros: _macros.html).

application.py       the 申报书 (Annex 2) as data for its template; application_plan.py its 第四部分 and
                     附表; pages.py where its long tables break
review_forms.py      省级推荐意见, 专家评审表 and the 试点名单
formatting.py        how numbers, years, texts and dates print
readers.py           what the formats read from the database (with the reader's permissions)
pdf.py               the PDF download, finished (text layer, page numbers)
format_names.py      the Print Formats' names
batch_pdf.py         a batch's applications as one PDF (the job), batch_contents.py its contents page;
                     its REST entry points are cluster_brand/api/batch_print.py
"""
