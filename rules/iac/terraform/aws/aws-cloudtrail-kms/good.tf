# Reason: logs encrypted with a KMS key.
resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "example-trail"
  kms_key_id     = aws_kms_key.trail.arn
}
