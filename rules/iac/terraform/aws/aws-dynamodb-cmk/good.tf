# Reason: a customer managed key.
resource "aws_dynamodb_table" "orders" {
  name     = "orders"
  hash_key = "id"

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.dynamodb.arn
  }
}
