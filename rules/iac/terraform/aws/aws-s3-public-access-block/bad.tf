# No public access block.
resource "aws_s3_bucket" "plain" { # expect
  bucket = "example-plain"
}

# A block with one setting off: the finding is on that setting.
resource "aws_s3_bucket" "partial" {
  bucket = "example-partial"
}

resource "aws_s3_bucket_public_access_block" "partial" {
  bucket                  = aws_s3_bucket.partial.id
  block_public_acls       = true
  block_public_policy     = false # expect
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# A block that leaves a setting out (it defaults to false).
resource "aws_s3_bucket" "missing" {
  bucket = "example-missing"
}

resource "aws_s3_bucket_public_access_block" "missing" { # expect
  bucket              = aws_s3_bucket.missing.id
  block_public_acls   = true
  block_public_policy = true
  ignore_public_acls  = true
}
