"""Read models of the console's pages: what a page shows, in a fixed number of queries."""
