"""Reports: Excel export and import, PDFs, iCalendar. Qt-free."""
