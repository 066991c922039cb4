# Reason: private endpoint only.
resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/eks"

  vpc_config {
    subnet_ids              = ["subnet-1", "subnet-2"]
    endpoint_private_access = true
    endpoint_public_access  = false
  }
}

# Reason: public, but only from the office range.
resource "aws_eks_cluster" "office" {
  name     = "office"
  role_arn = "arn:aws:iam::111122223333:role/eks"

  vpc_config {
    subnet_ids          = ["subnet-1", "subnet-2"]
    public_access_cidrs = ["203.0.113.0/24"]
  }
}
