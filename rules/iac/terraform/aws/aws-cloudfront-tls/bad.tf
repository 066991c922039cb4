resource "aws_cloudfront_distribution" "site" {
  enabled = true

  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:111122223333:certificate/1"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.1_2016" # expect
  }
}

# Left out with a custom certificate: TLSv1.
resource "aws_cloudfront_distribution" "shop" {
  enabled = true

  viewer_certificate { # expect
    acm_certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/2"
    ssl_support_method  = "sni-only"
  }
}
