# Reason: private cluster.
resource "azurerm_kubernetes_cluster" "main" {
  name                    = "main"
  location                = "westeurope"
  resource_group_name     = "example"
  dns_prefix              = "main"
  private_cluster_enabled = true
}

# Reason: public, but limited to authorized ranges.
resource "azurerm_kubernetes_cluster" "ranges" {
  name                = "ranges"
  location            = "westeurope"
  resource_group_name = "example"
  dns_prefix          = "ranges"

  api_server_access_profile {
    authorized_ip_ranges = ["203.0.113.0/24"]
  }
}
