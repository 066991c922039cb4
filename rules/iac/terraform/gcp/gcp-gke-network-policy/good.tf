# Reason: the network policy add-on is on.
resource "google_container_cluster" "main" {
  name     = "main"
  location = "europe-west1"

  network_policy {
    enabled  = true
    provider = "CALICO"
  }
}

# Reason: Dataplane V2 enforces network policies.
resource "google_container_cluster" "v2" {
  name              = "v2"
  location          = "europe-west1"
  datapath_provider = "ADVANCED_DATAPATH"
}
