"""xAPI resource views, one module per resource family (about, statements, documents, staff)."""
