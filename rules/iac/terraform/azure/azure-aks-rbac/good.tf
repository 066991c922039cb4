# Reason: left out, RBAC is on.
resource "azurerm_kubernetes_cluster" "main" {
  name                = "main"
  location            = "westeurope"
  resource_group_name = "example"
  dns_prefix          = "main"
}
