resource "azurerm_kubernetes_cluster" "main" {
  name                              = "main"
  location                          = "westeurope"
  resource_group_name               = "example"
  dns_prefix                        = "main"
  role_based_access_control_enabled = false # expect
}
