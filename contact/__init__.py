"""The contact form and the pipeline that checks, stores, forwards and erases enquiries."""
