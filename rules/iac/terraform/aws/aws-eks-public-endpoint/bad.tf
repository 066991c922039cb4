# Public by default, open to 0.0.0.0/0 by default.
resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/eks"

  vpc_config { # expect
    subnet_ids = ["subnet-1", "subnet-2"]
  }
}

resource "aws_eks_cluster" "explicit" {
  name     = "explicit"
  role_arn = "arn:aws:iam::111122223333:role/eks"

  vpc_config {
    subnet_ids             = ["subnet-1", "subnet-2"]
    endpoint_public_access = true # expect
    public_access_cidrs    = ["0.0.0.0/0"]
  }
}
