# Reason: session tokens required.
resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }
}

# Reason: the metadata service is turned off.
resource "aws_launch_template" "batch" {
  name = "batch"

  metadata_options {
    http_endpoint = "disabled"
  }
}
