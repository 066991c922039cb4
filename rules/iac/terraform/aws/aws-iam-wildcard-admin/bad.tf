resource "aws_iam_policy" "admin" {
  name = "admin"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*" # expect
      Resource = "*"
    }]
  })
}

# expect-line: 21
resource "aws_iam_role_policy" "s3_all" {
  role   = "app"
  policy = <<EOT
{
  "Version": "2012-10-17",
  "Statement": {
    "Effect": "Allow",
    "Action": ["s3:*"],
    "Resource": "*"
  }
}
EOT
}

data "aws_iam_policy_document" "wide" {
  statement {
    actions   = ["ec2:*"] # expect
    resources = ["*"]
  }
}
