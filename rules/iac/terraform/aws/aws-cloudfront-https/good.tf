# Reason: every behavior redirects or requires HTTPS.
resource "aws_cloudfront_distribution" "site" {
  enabled = true

  default_cache_behavior {
    target_origin_id       = "site"
    viewer_protocol_policy = "redirect-to-https"
  }

  ordered_cache_behavior {
    path_pattern           = "/api/*"
    target_origin_id       = "site"
    viewer_protocol_policy = "https-only"
  }
}
