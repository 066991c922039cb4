resource "aws_instance" "web" { # expect
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}

resource "aws_launch_template" "workers" {
  name = "workers"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "optional" # expect
  }
}
