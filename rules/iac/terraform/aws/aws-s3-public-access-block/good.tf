# Reason: all four settings on, in a block that refers to the bucket.
resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}

resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = aws_s3_bucket.data.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# Reason: the settings come from a variable whose default is true.
variable "block" {
  type    = bool
  default = true
}

resource "aws_s3_bucket" "vars" {
  bucket = "example-vars"
}

resource "aws_s3_bucket_public_access_block" "vars" {
  bucket                  = aws_s3_bucket.vars.id
  block_public_acls       = var.block
  block_public_policy     = var.block
  ignore_public_acls      = var.block
  restrict_public_buckets = var.block
}

# Reason: the account-wide block in the same folder covers every bucket.
resource "aws_s3_account_public_access_block" "account" {
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "covered" {
  bucket = "example-covered"
}
