# Reason: rotation on.
resource "aws_kms_key" "data" {
  description         = "data"
  enable_key_rotation = true
}

# Reason: asymmetric keys cannot rotate automatically.
resource "aws_kms_key" "signing" {
  description              = "signing"
  customer_master_key_spec = "RSA_4096"
  key_usage                = "SIGN_VERIFY"
}
