resource "google_container_cluster" "main" { # expect
  name     = "main"
  location = "europe-west1"
}

resource "google_container_cluster" "half" {
  name     = "half"
  location = "europe-west1"

  private_cluster_config {
    enable_private_nodes = false # expect
  }
}
