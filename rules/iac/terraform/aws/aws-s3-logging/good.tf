# Reason: a logging resource sends access logs to a log bucket.
resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}

resource "aws_s3_bucket_logging" "data" {
  bucket        = aws_s3_bucket.data.id
  target_bucket = "example-logs"
  target_prefix = "s3/data/"
}

# Reason: inline logging block (AWS provider 3 style).
resource "aws_s3_bucket" "inline" {
  bucket = "example-inline"

  logging {
    target_bucket = "example-logs"
    target_prefix = "s3/inline/"
  }
}

# Reason: the log bucket itself; its suppression on the header carries a reason.
# bulwark-ignore iac/terraform/aws-s3-logging: this bucket receives the access logs
resource "aws_s3_bucket" "logs" {
  bucket = "example-logs"
}
