# Reason: new queues get SQS-managed encryption by default.
resource "aws_sqs_queue" "default" {
  name = "default"
}

# Reason: a KMS key.
resource "aws_sqs_queue" "kms" {
  name              = "kms"
  kms_master_key_id = "alias/sqs"
}
