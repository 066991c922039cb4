resource "aws_efs_file_system" "shared" { # expect
  creation_token = "shared"
}
