resource "aws_cloudfront_distribution" "site" {
  enabled = true

  default_cache_behavior {
    target_origin_id       = "site"
    viewer_protocol_policy = "allow-all" # expect
  }
}

resource "aws_cloudfront_distribution" "api" {
  enabled = true

  default_cache_behavior {
    target_origin_id       = "api"
    viewer_protocol_policy = "https-only"
  }

  ordered_cache_behavior {
    path_pattern           = "/static/*"
    target_origin_id       = "api"
    viewer_protocol_policy = "redirect-to-https"
  }

  ordered_cache_behavior {
    path_pattern           = "/legacy/*"
    target_origin_id       = "api"
    viewer_protocol_policy = "allow-all" # expect
  }
}
