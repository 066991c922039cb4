# One customer managed key for the data bucket and the database. Rotation replaces the key
# material every year; old data stays readable.
resource "aws_kms_key" "data" {
  description             = "${var.name} data"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_kms_alias" "data" {
  name          = "alias/${var.name}-data"
  target_key_id = aws_kms_key.data.key_id
}
