"""Documents people read: the mapping documentation site, the HTML run report, the spec diff."""
