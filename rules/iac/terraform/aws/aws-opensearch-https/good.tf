# Reason: HTTPS enforced with a TLS 1.2 policy.
resource "aws_opensearch_domain" "logs" {
  domain_name = "logs"

  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
  }
}
