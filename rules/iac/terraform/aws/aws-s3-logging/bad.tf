# No access logging.
resource "aws_s3_bucket" "data" { # expect
  bucket = "example-data"
}

# A logging resource exists, but for another bucket.
resource "aws_s3_bucket" "other" { # expect
  bucket = "example-other"
}

resource "aws_s3_bucket_logging" "data_only" {
  bucket        = "some-other-bucket"
  target_bucket = "example-logs"
  target_prefix = "s3/"
}
