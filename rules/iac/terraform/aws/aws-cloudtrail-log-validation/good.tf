# Reason: digest files are written.
resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "example-trail"
  enable_log_file_validation = true
}
