# Reason: encrypted with a KMS key.
resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 40
  encrypted         = true
  kms_key_id        = aws_kms_key.ebs.arn
}

# Reason: encryption by default is on for the region, declared in the same folder.
resource "aws_ebs_encryption_by_default" "on" {
  enabled = true
}

resource "aws_ebs_volume" "scratch" {
  availability_zone = "eu-west-1a"
  size              = 10
}
