# No encryption configuration at all.
resource "aws_s3_bucket" "plain" { # expect
  bucket = "example-plain"
}

# S3-managed keys (AES256) in a separate resource: the finding is on the algorithm.
resource "aws_s3_bucket" "sse_s3" {
  bucket = "example-sse-s3"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "sse_s3" {
  bucket = aws_s3_bucket.sse_s3.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256" # expect
    }
  }
}

# Inline configuration (AWS provider 3 style) with S3-managed keys.
resource "aws_s3_bucket" "inline" {
  bucket = "example-inline"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "AES256" # expect
      }
    }
  }
}

# Created once: count comes from a variable default.
variable "create_archive" {
  default = true
}

resource "aws_s3_bucket" "archive" { # expect
  count  = var.create_archive ? 1 : 0
  bucket = "example-archive"
}
