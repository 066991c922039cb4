# Reason: named actions on a named resource.
resource "aws_iam_policy" "read" {
  name = "read"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject"]
      Resource = "arn:aws:s3:::example-data/*"
    }]
  })
}

# Reason: a wildcard Deny restricts, it does not grant.
data "aws_iam_policy_document" "deny" {
  statement {
    effect    = "Deny"
    actions   = ["*"]
    resources = ["*"]
  }
}

# Reason: s3:* limited to one bucket.
data "aws_iam_policy_document" "bucket" {
  statement {
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::example-data", "arn:aws:s3:::example-data/*"]
  }
}

# Reason: the policy comes from a data source, checked on its own.
resource "aws_iam_policy" "from_document" {
  name   = "bucket"
  policy = data.aws_iam_policy_document.bucket.json
}

# Reason: the role's inline policy names its actions and resources.
resource "aws_iam_role" "reader" {
  name               = "reader"
  assume_role_policy = "{}"

  inline_policy {
    name = "read"
    policy = jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = ["arn:aws:s3:::example/*"] }]
    })
  }
}
