# No versioning anywhere.
resource "aws_s3_bucket" "plain" { # expect
  bucket = "example-plain"
}

# Versioning resource that suspends it.
resource "aws_s3_bucket" "suspended" {
  bucket = "example-suspended"
}

resource "aws_s3_bucket_versioning" "suspended" {
  bucket = aws_s3_bucket.suspended.id

  versioning_configuration {
    status = "Suspended" # expect
  }
}

# Inline versioning block turned off.
resource "aws_s3_bucket" "inline" {
  bucket = "example-inline"

  versioning {
    enabled = false # expect
  }
}
