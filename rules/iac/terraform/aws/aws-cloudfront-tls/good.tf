# Reason: TLS 1.2 minimum.
resource "aws_cloudfront_distribution" "site" {
  enabled = true

  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:111122223333:certificate/1"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}

# Reason: with the default certificate the minimum version cannot be chosen.
resource "aws_cloudfront_distribution" "preview" {
  enabled = true

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
