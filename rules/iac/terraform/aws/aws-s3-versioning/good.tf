# Reason: a versioning resource enables it.
resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id

  versioning_configuration {
    status = "Enabled"
  }
}

# Reason: inline versioning enabled (AWS provider 3 style).
resource "aws_s3_bucket" "inline" {
  bucket = "example-inline"

  versioning {
    enabled = true
  }
}

# Reason: the bucket is referenced with an index (count).
resource "aws_s3_bucket" "counted" {
  count  = 1
  bucket = "example-counted"
}

resource "aws_s3_bucket_versioning" "counted" {
  bucket = aws_s3_bucket.counted[0].id

  versioning_configuration {
    status = "Enabled"
  }
}
