resource "aws_eks_cluster" "main" { # expect
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/eks"

  vpc_config {
    subnet_ids = ["subnet-1"]
  }
}
