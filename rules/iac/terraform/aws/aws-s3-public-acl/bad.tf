resource "aws_s3_bucket" "site" {
  bucket = "example-site"
  acl    = "public-read" # expect
}

resource "aws_s3_bucket_acl" "uploads" {
  bucket = "example-uploads"
  acl    = "public-read-write" # expect
}

locals {
  acl = "authenticated-read"
}

resource "aws_s3_bucket_acl" "shared" {
  bucket = "example-shared"
  acl    = local.acl # expect
}
