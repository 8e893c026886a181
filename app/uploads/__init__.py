"""Image uploads: photos of a problem for an order, of a completed order, of a venue. Checked
by their content, stripped of metadata, stored with a thumbnail on local disk or in an
S3-compatible bucket, answered as the address that order and venue fields accept."""
