resource "aws_opensearch_domain" "logs" { # expect
  domain_name = "logs"
}

resource "aws_elasticsearch_domain" "legacy" {
  domain_name = "legacy"

  domain_endpoint_options {
    enforce_https = false # expect
  }
}
