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

resource "aws_iam_role" "deployer" {
  name               = "deployer"
  assume_role_policy = "{}"

  inline_policy {
    name = "everything"
    policy = jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Action = ["iam:*"], Resource = ["*"] }] # expect
    })
  }
}
