resource "azurerm_kubernetes_cluster" "main" { # expect
  name                = "main"
  location            = "westeurope"
  resource_group_name = "example"
  dns_prefix          = "main"
}

resource "azurerm_kubernetes_cluster" "public" {
  name                    = "public"
  location                = "westeurope"
  resource_group_name     = "example"
  dns_prefix              = "public"
  private_cluster_enabled = false # expect
}
