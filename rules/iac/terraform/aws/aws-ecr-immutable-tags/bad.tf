resource "aws_ecr_repository" "app" { # expect
  name = "app"
}

resource "aws_ecr_repository" "worker" {
  name                 = "worker"
  image_tag_mutability = "MUTABLE" # expect
}
