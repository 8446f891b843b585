"""The cold-call anchor: the smallest honest API function, shaped like the
aws-lambda-handler-cookbook's create-order handler (Powertools REST resolver with request
validation, one pydantic model, one DynamoDB put). bench/cold_call.py measures it beside ours."""

import os
import uuid

import boto3
from aws_lambda_powertools import Logger, Metrics, Tracer
from aws_lambda_powertools.event_handler import APIGatewayRestResolver
from pydantic import BaseModel, Field

logger = Logger()
tracer = Tracer()
metrics = Metrics()
app = APIGatewayRestResolver(enable_validation=True)
table = boto3.resource("dynamodb").Table(os.environ["ANCHOR_TABLE"])


class CreateOrderRequest(BaseModel):
    customer_name: str = Field(min_length=1, max_length=20)
    order_item_count: int = Field(gt=0)


class CreateOrderOutput(BaseModel):
    id: str
    name: str
    item_count: int


@app.post("/api/orders/")
def create_order(order: CreateOrderRequest) -> CreateOrderOutput:
    order_id = str(uuid.uuid4())
    table.put_item(
        Item={"id": order_id, "name": order.customer_name, "item_count": order.order_item_count}
    )
    return CreateOrderOutput(
        id=order_id, name=order.customer_name, item_count=order.order_item_count
    )


@logger.inject_lambda_context
@metrics.log_metrics
@tracer.capture_lambda_handler(capture_response=False)
def lambda_handler(event, context):
    return app.resolve(event, context)
