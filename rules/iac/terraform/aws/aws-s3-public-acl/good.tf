# Reason: private canned ACL.
resource "aws_s3_bucket_acl" "data" {
  bucket = "example-data"
  acl    = "private"
}

# Reason: no ACL at all (bucket owner enforced).
resource "aws_s3_bucket" "modern" {
  bucket = "example-modern"
}

# Reason: log-delivery-write only lets the S3 log delivery group write.
resource "aws_s3_bucket_acl" "logs" {
  bucket = "example-logs"
  acl    = "log-delivery-write"
}

# Reason: the ACL comes from a variable without a default, so it is unknown.
variable "acl" {
  type = string
}

resource "aws_s3_bucket_acl" "configurable" {
  bucket = "example-configurable"
  acl    = var.acl
}
