"""The app's print formats; their layouts are cluster_brand/templates/print/ (escaping macros: _macros.html).

application.py   the 申报书 (Annex 2) as data for its template; pages.py where its long tables break
review_forms.py  省级推荐意见, 专家评审表 and the 试点名单
formatting.py    how numbers, years, texts and dates print
pdf.py           the readers of the database (with the reader's permissions) and the PDF download
                 (text layer, page numbers)
batch_pdf.py     a batch's applications as one PDF (the job); its REST entry points are
                 cluster_brand/batch_print.py, at their published paths
"""
