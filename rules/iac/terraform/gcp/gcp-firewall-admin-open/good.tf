# Reason: IAP's forwarding range only.
resource "google_compute_firewall" "ssh" {
  name          = "ssh"
  network       = "default"
  source_ranges = ["35.235.240.0/20"]

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}

# Reason: HTTPS from anywhere is not an admin port.
resource "google_compute_firewall" "web" {
  name          = "web"
  network       = "default"
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "tcp"
    ports    = ["443"]
  }
}

# Reason: an egress rule.
resource "google_compute_firewall" "out" {
  name               = "out"
  network            = "default"
  direction          = "EGRESS"
  destination_ranges = ["0.0.0.0/0"]
  source_ranges      = ["0.0.0.0/0"]

  allow {
    protocol = "all"
  }
}
