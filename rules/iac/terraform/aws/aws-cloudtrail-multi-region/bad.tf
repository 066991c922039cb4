resource "aws_cloudtrail" "main" { # expect
  name           = "main"
  s3_bucket_name = "example-trail"
}
