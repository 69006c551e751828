"""Publications: reports and papers, with citations, documents and embargoes."""
